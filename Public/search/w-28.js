SITEGEN_SEARCH.words("28", {"28":[0]});
