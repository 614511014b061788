# statistics: means, medians, modes, variance/stdev (exact, correctly rounded), quantiles, covariance/correlation/regression, NormalDist, errors
import statistics as st
from fractions import Fraction as F
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean(data), st.mean([F(1, 2), F(1, 3)]), st.mean([1, 2.5]), st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 1, 1]))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2.5]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data), st.variance([1, 2, 3, 4]), st.variance([F(1, 4), F(5, 4), F(1, 2)]), st.pvariance([1, 2, 3]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.variance(data, st.mean(data)))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10), st.quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]; y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x[::-1]), st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]), st.linear_regression(x, y, proportional=True))
nd = st.NormalDist(100, 15)
print(nd, nd.pdf(110), nd.cdf(130), nd.inv_cdf(0.95), nd.quantiles(), nd.overlap(st.NormalDist(110, 10)), nd.zscore(85), nd + 5, nd * 2, nd - st.NormalDist(10, 20), st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), nd.inv_cdf(1e-10), nd.inv_cdf(0.3))
print(len(nd.samples(5, seed=3)), nd == st.NormalDist(100, 15), nd.variance, nd.mean)
for f, arg in [(st.mean, []), (st.variance, [1]), (st.median, []), (st.mode, []), (st.stdev, [3]), (st.harmonic_mean, [-1, 2]), (st.geometric_mean, [0]), (st.quantiles, [1])]:
    try: print(f(arg))
    except st.StatisticsError as e: print('StatisticsError', e)
try: st.mean(['a'])
except TypeError as e: print(e)
print(st.StatisticsError.__mro__[1], st.stdev([1e308, 1e308, -1e308]) if False else '', st.pstdev([F(1), F(2)]), st.mean([True, False, True]))
