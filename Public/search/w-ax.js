SITEGEN_SEARCH.words("ax", {"axes":[0]});
