SITEGEN_SEARCH.words("th", {"thanh":[0],
"theorique":[0]});
