SITEGEN_SEARCH.words("ga", {"gang":[0]});
