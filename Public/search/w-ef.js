SITEGEN_SEARCH.words("ef", {"efficacement":[0,1],
"efforts":[0,1]});
