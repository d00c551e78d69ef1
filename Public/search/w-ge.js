SITEGEN_SEARCH.words("ge", {"generations":[0]});
