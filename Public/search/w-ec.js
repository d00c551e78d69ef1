SITEGEN_SEARCH.words("ec", {"echange":[1],
"echanges":[0,1],
"eclate":[1],
"economie":[1],
"economique":[1]});
