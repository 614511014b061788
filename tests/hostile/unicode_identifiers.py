ñame = 1
変数 = 2
Ωmega = ñame + 変数
ｆｕｌｌｗｉｄｔｈ = 3
print(Ωmega, fullwidth, ñame)
class Ünïcödé:
    def мetод(self):
        return 'ok'
print(Ünïcödé().мetод())
𝔡𝔬𝔲𝔟𝔩𝔢 = 5
print(double)
