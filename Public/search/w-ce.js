SITEGEN_SEARCH.words("ce", {"central":[0,1],
"centrale":[1],
"cesse":[0]});
