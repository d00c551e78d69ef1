SITEGEN_SEARCH.words("ha", {"hanoi":[1],
"haut":[0,1],
"hautement":[1],
"hauts":[0]});
