import TaleCore
import TaleImage
import TalePDF

/// The interior's words and pictures: scenes set as lines, and pictures placed on their pages.
extension Composer {
    // MARK: Text

    /// The scene's heading, paragraphs, choices ("turn to page N") and ending, as set lines.
    func sceneLines(_ scene: PrintScene, index: Int, width: Double) -> [Line] {
        var lines: [Line] = []
        if let title = scene.title {
            lines += setLines(title, size: headingSize, bold: true, width: width, centered: kind != .chapter, spaceBefore: 0)
        }
        for block in scene.blocks {
            let first = lines.isEmpty
            let size = block.kind == .heading ? bodySize * 1.1 : bodySize
            let text = block.kind == .item ? "• " + block.text : block.text
            lines += setLines(text, size: size, bold: block.kind == .heading, width: width, centered: false, spaceBefore: first ? 0 : bodySize * 0.7)
        }
        if !scene.choices.isEmpty {
            lines += setLines("What happens next?", size: bodySize, bold: true, width: width, centered: false, spaceBefore: bodySize)
            for choice in scene.choices {
                lines += setLines("\(choice.label): turn to page \(reference(choice.target)).", size: bodySize, bold: false, width: width,
                                  centered: false, spaceBefore: bodySize * 0.4)
            }
        } else if let next = scene.next, index + 1 >= book.scenes.count || book.scenes[index + 1].id != next {
            lines += setLines("Turn to page \(reference(next)).", size: bodySize, bold: true, width: width, centered: false, spaceBefore: bodySize)
        }
        if scene.isEnding {
            lines += setLines("The End", size: headingSize, bold: true, width: width, centered: true, spaceBefore: bodySize * 1.5)
        }
        return lines
    }

    /// A scene's page number from the previous pass (`00` on the first, which is as wide as most).
    func reference(_ scene: String) -> String { previousStarts[scene].map(String.init) ?? "00" }

    func setLines(_ text: String, size: Double, bold: Bool, width: Double, centered: Bool, spaceBefore: Double) -> [Line] {
        TextSetter.lines(text, font: bold ? fonts.bold : fonts.regular, size: size, width: width, hyphenate: !bold).enumerated().map { index, line in
            Line(text: line.text, width: line.width, size: size, bold: bold, centered: centered, spaceBefore: index == 0 ? spaceBefore : 0)
        }
    }

    func lineHeight(_ line: Line) -> Double { line.size * leading }

    func height(of lines: [Line]) -> Double {
        lines.enumerated().reduce(0) { $0 + ($1.offset == 0 ? 0 : $1.element.spaceBefore) + lineHeight($1.element) }
    }

    /// Places lines from `top` down on page `index`.
    mutating func place(_ lines: [Line], on index: Int, top: Double) {
        let area = textArea(pages[index].number)
        var y = top
        for (offset, line) in lines.enumerated() {
            if offset > 0 { y += line.spaceBefore }
            let x = line.centered ? area.x + (area.width - line.width) / 2 : area.x
            pages[index].texts.append(PlacedText(text: line.text, x: x, baseline: y + line.size * 1.05, size: line.size, bold: line.bold, width: line.width))
            y += lineHeight(line)
        }
    }

    /// Sets lines on as many text pages as they need, starting on a new page unless `continuingAt`
    /// gives a place on the last page; a scene that fits one page is centred on it when asked.
    mutating func flow(_ lines: [Line], scene: String, centerSinglePage: Bool, continuingAt: Double? = nil) {
        var chunks: [[Line]] = [[]]
        var capacity: Double
        if let continuingAt { capacity = textArea(page - 1).maxY - continuingAt } else { capacity = textArea(page).height }
        var used = 0.0
        for line in lines {
            let needed = (chunks[chunks.count - 1].isEmpty ? 0 : line.spaceBefore) + lineHeight(line)
            if used + needed > capacity, !chunks[chunks.count - 1].isEmpty {
                chunks.append([])
                used = 0
                capacity = textArea(page).height
            }
            var moved = line
            if chunks[chunks.count - 1].isEmpty { moved.spaceBefore = 0 }
            chunks[chunks.count - 1].append(moved)
            used += chunks[chunks.count - 1].count == 1 ? lineHeight(moved) : needed
        }
        for (number, chunk) in chunks.enumerated() {
            var top: Double
            if number == 0, let continuingAt {
                top = continuingAt
            } else {
                newPage(.text, scene: scene)
                let area = textArea(page - 1)
                top = area.y
                if centerSinglePage, chunks.count == 1 { top = area.y + max(0, (area.height - height(of: chunk)) / 2) }
            }
            place(chunk, on: pages.count - 1, top: top)
        }
    }

    // MARK: Pictures

    /// A picture filling the page: to the bleed edges when there is bleed, else inside the margins.
    func fullPage(_ art: PrintArt, number: Int) -> PlacedArt {
        if options.bleed {
            let page = PDFRect(x: 0, y: 0, width: pageWidth, height: pageHeight)
            return PlacedArt(art: art, box: cover(art.aspect, over: page), clip: page, bleeds: true, lineArt: false)
        }
        let area = design(number)
        return PlacedArt(art: art, box: contain(art.aspect, in: area), clip: area, bleeds: false, lineArt: false)
    }
}

/// The largest box of `aspect` inside `area`, centred.
func contain(_ aspect: Double, in area: PDFRect) -> PDFRect {
    var width = area.width, height = width / aspect
    if height > area.height {
        height = area.height
        width = height * aspect
    }
    return PDFRect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
}

/// The smallest box of `aspect` covering `area`, centred (the part outside is cropped).
func cover(_ aspect: Double, over area: PDFRect) -> PDFRect {
    var width = area.width, height = width / aspect
    if height < area.height {
        height = area.height
        width = height * aspect
    }
    return PDFRect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
}
