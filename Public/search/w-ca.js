SITEGEN_SEARCH.words("ca", {"catastrophes":[1],
"cause":[0],
"causees":[1]});
