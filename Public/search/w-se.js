SITEGEN_SEARCH.words("se", {"secteurs":[0],
"securite":[0,1]});
