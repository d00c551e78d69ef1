SITEGEN_SEARCH.words("14", {"14e":[1]});
