SITEGEN_SEARCH.words("ac", {"accroitre":[1],
"acquis":[0],
"activites":[1]});
