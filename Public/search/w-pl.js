SITEGEN_SEARCH.words("pl", {"plan":[1],
"plans":[1],
"plenum":[1],
"plusieurs":[0]});
