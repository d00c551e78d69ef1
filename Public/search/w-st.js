SITEGEN_SEARCH.words("st", {"stabilite":[0,1],
"strategique":[0],
"strategiques":[0,1]});
