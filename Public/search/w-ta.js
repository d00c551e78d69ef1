SITEGEN_SEARCH.words("ta", {"tangibles":[0],
"tao":[1]});
