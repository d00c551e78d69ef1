SITEGEN_SEARCH.words("ph", {"pham":[0]});
