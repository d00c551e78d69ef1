SITEGEN_SEARCH.words("pc", {"pcc":[0,1],
"pcv":[1]});
