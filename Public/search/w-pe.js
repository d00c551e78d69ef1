SITEGEN_SEARCH.words("pe", {"pekin":[0],
"perceptions":[0,1],
"pertes":[1],
"peuple":[0,1],
"peuples":[0]});
