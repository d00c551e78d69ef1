SITEGEN_SEARCH.words("pu", {"publication":[0]});
