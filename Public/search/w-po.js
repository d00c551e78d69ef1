SITEGEN_SEARCH.words("po", {"politique":[0,1],
"positive":[0],
"poursuite":[1]});
