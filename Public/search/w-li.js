SITEGEN_SEARCH.words("li", {"liaison":[1],
"ligne":[1]});
