SITEGEN_SEARCH.words("5e", {"5e":[1]});
