SITEGEN_SEARCH.words("no", {"nombreux":[0],
"notamment":[0],
"novembre":[1]});
