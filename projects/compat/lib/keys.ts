// Fixed signing keys for /api/jwks and /api/jose: TEST FIXTURES ONLY, made
// for this project and published with it — never use them for anything real.
// /api/jwks serves the public halves; /api/jose signs with the private ones
// and verifies through createRemoteJWKSet fetching /api/jwks over HTTP.
export const privateJWKs = [
  {
    "kty": "EC",
    "x": "s_GBi5ilDKvRSfO_Et3wOaP7cx1EImbs4wy-hg_z2yg",
    "y": "sQaH8qNpFMc3iy29UAJl7swpDe1c66VO1x-_7eUdNPo",
    "crv": "P-256",
    "d": "zrlU7cLxFFfhhzh0jYLgwPt_TP1Tb0QyL-Yu7PAhLik",
    "kid": "compat-es256",
    "alg": "ES256"
  },
  {
    "kty": "RSA",
    "n": "xBb6WndZPrUvjX54OlnfNimyXBxFXz3cjq8YGdD7Q5ksBUAAlAMExsunFK4m-tf1YyrXsbhvdzmqFUcxGkhDwdJJx_BupvrLv07UCiRSxO11zpnzB5kCnVvB716an1JNzL309zDJqEsTUkG29jrr4a4EUJQaRGDrn5nPy9oromF72wH_22ctc3oChWRj2oDx4-Ar3NYRt8uhpPJ-wN0xFRtaVkuWrMXhTHFVJGKdoLQSmKZgJmXzzDxrda4s6AvEI9_-SLXgdj_1d_DU3cmPU792GpElgOZ1uoBbjYppC-RwKdr3N5w7Yp4ol23xUIqyvwvdIztlx-DZ_vRewxJIHQ",
    "e": "AQAB",
    "d": "IFaJwxGbrjPDO9p3iWf4373QpFAlQKe7D-zgVKGaTnOcRuFfNwmoaAB99XMjCotC9K_EEpMQDuF7ozayalswkW5UrJyCIxeJMmuVnHaRD9j5bLEG22HohHr1aLx5U30HR5SsKXfqSc7XyOD9g24EKJvCKmfCTTSOpyt-kWfRel2-9dTP4GCaC1TAdG1sJVWxyreUpcqOJOBqHybyR_Uz-3JDUSTkalDxUOnixmb7_plMnzpT4aFUhuAu1604NhpRtU77FplMtuOhWF2eKu-17nZVpsKKEEmZnnI8BrRblUEyRD80oPwgT7hFwzBoh30SFH71Y8Q_ktlz2tqcJT6kAQ",
    "p": "-TIs1JtoohcW3NK6PtGBknbuGnzwPxgNe1gVk1QlGrIodpHF4HJ-UG-YjeCRyly5wsTQsD95sf69vJG68re-aBAwXXhPauYQVxIk7fKgodNtNYWsBeOqyue9eAtou4vN8QmfCkVxVgqjJ7qK6KuZ2mc1ybu8OZbvXX9MRHSTyiE",
    "q": "yXGaGkM0TU4DvpZ7I0OyFPJQQlM4iU4bZu0lRUS_w1_1YeMGbs8XWXzjrm9bSP7g2A7KbwDCbG7UAePamKpF-Vyfgx8fs4WRArt4XzsssmyDbAshvZTPC3YzAf5ta1SU5bM-Lb8tVBqSdwWrnWVUSjBl2n4yWbCif_84I2fR1n0",
    "dp": "e_vh4DoeWh9Aycey0JRuck_n8Zfd9JZkBs1xlqbT-y9PAIdQu3ZbsGuFrHliMBvodKZ16mr6gnvrLQoYyLBw9NexKKA2a0piMOAfLaB9GWbXPDzwtNFsZZ3dX__VMRLC-T0_Ot4IILYULS0b9d2DI-4cDe3xHXoiSBOQ_7I84eE",
    "dq": "d1Ngym_Guogc9bej54bBJWFII5GyarsmxjhxnG-V_ECKVVqqw9bOaQbuw7RY6Yt5WuKgDVLw2FRqJ1h2c3phis3P-1bja28SMAEm05p05pga3VRWvzs3zf1NR8ATxsFKliowCd82FZzL588nEkwkuvGiU-PvJWvZRmLDOU3VYe0",
    "qi": "eQr-dJnSTT4W2ZgdEX6x9OB_vC7kkVvWCvbqYRAysDscd-hD5h0nCWHqTnRzcJUYWgyu4e7yq8fxl2f1nGeDEz8L_BIQUE-PkUWNqIvqOuvx6AwA7V_wN-0PGte-JPvrgDRuWle9npYTzzEiaPaSd-837GAEzbvUm9wbR1PLv-M",
    "kid": "compat-rs256",
    "alg": "RS256"
  },
  {
    "crv": "Ed25519",
    "d": "_EslfuDxHGGCo2mgapy6QXsq7MoL6GaG7muejSTaIhk",
    "x": "TPUabsnscqKKT0eQHHzPea6cvwoY98CTF5LjU-Ygghg",
    "kty": "OKP",
    "kid": "compat-eddsa",
    "alg": "EdDSA"
  }
]

export const publicJWKs = [
  {
    "kty": "EC",
    "x": "s_GBi5ilDKvRSfO_Et3wOaP7cx1EImbs4wy-hg_z2yg",
    "y": "sQaH8qNpFMc3iy29UAJl7swpDe1c66VO1x-_7eUdNPo",
    "crv": "P-256",
    "kid": "compat-es256",
    "alg": "ES256",
    "use": "sig"
  },
  {
    "kty": "RSA",
    "n": "xBb6WndZPrUvjX54OlnfNimyXBxFXz3cjq8YGdD7Q5ksBUAAlAMExsunFK4m-tf1YyrXsbhvdzmqFUcxGkhDwdJJx_BupvrLv07UCiRSxO11zpnzB5kCnVvB716an1JNzL309zDJqEsTUkG29jrr4a4EUJQaRGDrn5nPy9oromF72wH_22ctc3oChWRj2oDx4-Ar3NYRt8uhpPJ-wN0xFRtaVkuWrMXhTHFVJGKdoLQSmKZgJmXzzDxrda4s6AvEI9_-SLXgdj_1d_DU3cmPU792GpElgOZ1uoBbjYppC-RwKdr3N5w7Yp4ol23xUIqyvwvdIztlx-DZ_vRewxJIHQ",
    "e": "AQAB",
    "kid": "compat-rs256",
    "alg": "RS256",
    "use": "sig"
  },
  {
    "crv": "Ed25519",
    "x": "TPUabsnscqKKT0eQHHzPea6cvwoY98CTF5LjU-Ygghg",
    "kty": "OKP",
    "kid": "compat-eddsa",
    "alg": "EdDSA",
    "use": "sig"
  }
]
