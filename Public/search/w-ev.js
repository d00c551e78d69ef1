SITEGEN_SEARCH.words("ev", {"evolution":[0,1]});
