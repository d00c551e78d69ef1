SITEGEN_SEARCH.words("mi", {"ministeres":[0]});
