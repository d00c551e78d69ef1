SITEGEN_SEARCH.words("19", {"19":[1],
"19e":[1]});
