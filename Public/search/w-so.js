SITEGEN_SEARCH.words("so", {"socialisme":[0],
"socio":[1],
"song":[1],
"souligne":[0],
"soutenaient":[1],
"soutenant":[0],
"soutenir":[1],
"soutenu":[1]});
