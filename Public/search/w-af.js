SITEGEN_SEARCH.words("af", {"affirme":[0,1]});
