SITEGEN_SEARCH.words("im", {"importance":[0]});
