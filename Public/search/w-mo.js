SITEGEN_SEARCH.words("mo", {"mondiales":[0]});
