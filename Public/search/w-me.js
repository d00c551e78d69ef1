SITEGEN_SEARCH.words("me", {"mecanismes":[0],
"mener":[1],
"mesures":[0,1],
"mettant":[1],
"mettre":[0,1]});
