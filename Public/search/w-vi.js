SITEGEN_SEARCH.words("vi", {"vietnam":[0,1],
"vietnamien":[0,1],
"vietnamienne":[0],
"vietnamiens":[0],
"virtuellement":[1]});
