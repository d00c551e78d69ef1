SITEGEN_SEARCH.words("lo", {"localites":[0,1],
"longue":[1]});
