using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace NewsDigest.Stories;

/// <summary>
/// A story's strongest terms and their weights, heaviest first, in two arrays: what a profile remembers. Profiles
/// are read in order (to seed a story, to store it) and never looked up by term, so a hash table for each of tens of
/// thousands of stories was work and memory for nothing. A look-up by term reads the terms in order.
/// </summary>
internal sealed class RankedTerms(string[] terms, float[] weights) : IReadOnlyDictionary<string, float>
{
    public int Count => terms.Length;

    public IEnumerable<string> Keys => terms;

    public IEnumerable<float> Values => weights;

    public float this[string key] => TryGetValue(key, out var weight) ? weight : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(terms, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out float value)
    {
        var index = Array.IndexOf(terms, key);
        value = index >= 0 ? weights[index] : 0;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, float>> GetEnumerator()
    {
        for (var i = 0; i < terms.Length; i++)
        {
            yield return new KeyValuePair<string, float>(terms[i], weights[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
