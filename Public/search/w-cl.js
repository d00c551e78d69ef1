SITEGEN_SEARCH.words("cl", {"cles":[1]});
