SITEGEN_SEARCH.words("hu", {"humaines":[1]});
