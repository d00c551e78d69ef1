SITEGEN_SEARCH.words("di", {"difficultes":[1],
"diplomatie":[0],
"direction":[0],
"dirigeants":[0,1],
"discussions":[1],
"dispose":[0]});
