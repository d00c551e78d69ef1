SITEGEN_SEARCH.words("fa", {"face":[1],
"faciliter":[0],
"faire":[0]});
