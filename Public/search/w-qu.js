SITEGEN_SEARCH.words("qu", {"qualite":[0],
"quan":[1],
"quinquennal":[1]});
