using HtmlAgilityPack;

namespace NewsDigest.Normalization.Html;

/// <summary>
/// Scores paragraphs into their ancestors (commas, length; parent full, grandparent half, further ancestors less),
/// weighs candidates by class/id and link density, picks the best, widens it when close runners-up share an ancestor
/// or the parent scores higher, and gathers the siblings that read as part of the same article.
/// </summary>
internal static class ContentSelector
{
    private const int TopCandidateCount = 5;
    private const int MinimumAlternatives = 3;

    /// <summary>The blocks that make up the article, in order; the body alone when nothing stands out.</summary>
    public static List<ContentNode> Select(ContentNode body, IReadOnlyList<ContentNode> scored, IReadOnlyDictionary<HtmlNode, ContentNode> map)
    {
        var candidates = new List<ContentNode>();
        foreach (var paragraph in scored)
        {
            if (paragraph.Parent is null || paragraph.TextLength < 25)
            {
                continue;
            }

            var score = 1.0 + (paragraph.Commas + 1) + Math.Min(paragraph.TextLength / 100, 3);
            var level = 0;
            for (var ancestor = EffectiveParent(paragraph); ancestor is not null && level < 5; ancestor = EffectiveParent(ancestor), level++)
            {
                if (ancestor.Parent is null)
                {
                    continue;
                }

                if (!ancestor.Initialized)
                {
                    Initialize(ancestor);
                    candidates.Add(ancestor);
                }

                var divider = level switch { 0 => 1, 1 => 2, _ => level * 3 };
                ancestor.Score += score / divider;
            }
        }

        var top = new List<ContentNode>(TopCandidateCount + 1);
        foreach (var candidate in candidates)
        {
            candidate.Score *= 1 - candidate.LinkDensity;
            for (var t = 0; t < TopCandidateCount; t++)
            {
                if (t >= top.Count || candidate.Score > top[t].Score)
                {
                    top.Insert(t, candidate);
                    if (top.Count > TopCandidateCount)
                    {
                        top.RemoveAt(top.Count - 1);
                    }

                    break;
                }
            }
        }

        if (top.Count == 0 || top[0].Tag == "body")
        {
            return [body];
        }

        var best = PreferSharedAncestor(top);
        best = PreferHigherScoringParent(best);

        // A lone child adds nothing: its parent's siblings are the ones worth gathering.
        for (var parent = EffectiveParent(best); parent is not null && parent.Tag != "body" && parent.Children.Count == 1; parent = EffectiveParent(best))
        {
            best = parent;
        }

        if (!best.Initialized)
        {
            Initialize(best);
        }

        return GatherSiblings(best, map);
    }

    private static ContentNode PreferSharedAncestor(List<ContentNode> top)
    {
        var best = top[0];
        var alternatives = new List<HashSet<ContentNode>>();
        for (var i = 1; i < top.Count; i++)
        {
            if (best.Score != 0 && top[i].Score / best.Score >= 0.75)
            {
                var ancestors = new HashSet<ContentNode>(ReferenceEqualityComparer.Instance);
                for (var a = EffectiveParent(top[i]); a is not null; a = EffectiveParent(a))
                {
                    ancestors.Add(a);
                }

                alternatives.Add(ancestors);
            }
        }

        if (alternatives.Count < MinimumAlternatives)
        {
            return best;
        }

        for (var parent = EffectiveParent(best); parent is not null && parent.Tag != "body"; parent = EffectiveParent(parent))
        {
            var containing = 0;
            foreach (var ancestors in alternatives)
            {
                if (ancestors.Contains(parent) && ++containing >= MinimumAlternatives)
                {
                    if (!parent.Initialized)
                    {
                        Initialize(parent);
                    }

                    return parent;
                }
            }
        }

        return best;
    }

    private static ContentNode PreferHigherScoringParent(ContentNode best)
    {
        var lastScore = best.Score;
        var threshold = lastScore / 3;
        for (var parent = EffectiveParent(best); parent is not null && parent.Tag != "body"; parent = EffectiveParent(parent))
        {
            if (!parent.Initialized)
            {
                continue;
            }

            if (parent.Score < threshold)
            {
                break;
            }

            if (parent.Score > lastScore)
            {
                return parent;
            }

            lastScore = parent.Score;
        }

        return best;
    }

    private static List<ContentNode> GatherSiblings(ContentNode best, IReadOnlyDictionary<HtmlNode, ContentNode> map)
    {
        var parent = EffectiveParent(best);
        if (parent is null)
        {
            return [best];
        }

        var threshold = Math.Max(10, best.Score * 0.2);
        var gathered = new List<ContentNode>();
        foreach (var child in parent.Children)
        {
            var sibling = child.Transparent ? child.Children[0] : child;
            var append = false;
            if (ReferenceEquals(sibling, best))
            {
                append = true;
            }
            else
            {
                var bonus = best.ClassName.Length > 0 && sibling.ClassName == best.ClassName ? best.Score * 0.2 : 0;
                if (sibling.Initialized && sibling.Score + bonus >= threshold)
                {
                    append = true;
                }
                else if (sibling.Tag == "p")
                {
                    var linkDensity = sibling.LinkDensity;
                    var length = sibling.TextLength;
                    if (length > 80 && linkDensity < 0.25)
                    {
                        append = true;
                    }
                    else if (length is < 80 and > 0 && linkDensity == 0
                        && ExtractionPatterns.SentenceEnd().IsMatch(ArticleTextWriter.PlainText(sibling, map)))
                    {
                        append = true;
                    }
                }
            }

            if (append)
            {
                if (!sibling.IsRun && !ExtractionPatterns.SiblingContainerTags.Contains(sibling.Tag))
                {
                    sibling.AlteredToDiv = true;
                }

                gathered.Add(sibling);
            }
        }

        return gathered;
    }

    /// <summary>The parent as the scorer sees it: wrappers of a single paragraph do not count.</summary>
    public static ContentNode? EffectiveParent(ContentNode node)
    {
        var parent = node.Parent;
        while (parent is not null && parent.Transparent)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    private static void Initialize(ContentNode node)
    {
        node.Initialized = true;
        node.Score = node.ClassWeight + node.Tag switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
    }
}
