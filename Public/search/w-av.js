SITEGEN_SEARCH.words("av", {"avenir":[0]});
