SITEGEN_SEARCH.words("gr", {"grace":[0]});
