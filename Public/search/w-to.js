SITEGEN_SEARCH.words("to", {"toujours":[0]});
