SITEGEN_SEARCH.words("gl", {"global":[0]});
