using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lantern.Web.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DetectionLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_entity_index_Kind_Hash",
                table: "entity_index");

            migrationBuilder.CreateTable(
                name: "entity_indexed_reports",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyFingerprint = table.Column<byte[]>(type: "bytea", maxLength: 8, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entity_indexed_reports", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_entity_indexed_reports_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entity_unlinked",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 16, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MarkedById = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entity_unlinked", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entity_index_Kind_Hash_ReportId",
                table: "entity_index",
                columns: new[] { "Kind", "Hash", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_entity_unlinked_Kind_Hash",
                table: "entity_unlinked",
                columns: new[] { "Kind", "Hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entity_indexed_reports");

            migrationBuilder.DropTable(
                name: "entity_unlinked");

            migrationBuilder.DropIndex(
                name: "IX_entity_index_Kind_Hash_ReportId",
                table: "entity_index");

            migrationBuilder.CreateIndex(
                name: "IX_entity_index_Kind_Hash",
                table: "entity_index",
                columns: new[] { "Kind", "Hash" });
        }
    }
}
