SITEGEN_SEARCH.words("te", {"temps":[0]});
