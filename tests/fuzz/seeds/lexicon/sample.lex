Zmanda = Zee manda
/\bRHX\b/ = R H X
/[Kk]ube/i = koob
Childers = [[tS'Ild3z]]
