SITEGEN_SEARCH.words("de", {"declare":[1],
"defis":[1],
"departement":[0,1],
"deployes":[1],
"depuis":[1],
"derniers":[0],
"developpement":[0,1]});
